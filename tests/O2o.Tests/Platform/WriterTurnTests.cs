using O2o.Server.Platform;

namespace O2o.Tests.Platform;

/// <summary>The SQLite writer's lock: first come, first served, and a waiter that gives up never ends up holding it.</summary>
public sealed class WriterTurnTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Waiters_get_the_turn_in_the_order_they_came()
    {
        var turn = new WriterTurn();
        Assert.True(await turn.WaitAsync(Long, TestContext.Current.CancellationToken));
        var order = new List<int>();
        var waiters = Enumerable.Range(1, 5).Select(async i =>
        {
            var waiting = turn.WaitAsync(Long, TestContext.Current.CancellationToken);
            Assert.True(await waiting);
            lock (order) order.Add(i);
            turn.Release();
        }).ToList();
        turn.Release();
        await Task.WhenAll(waiters);
        Assert.Equal([1, 2, 3, 4, 5], order);
        Assert.True(await turn.WaitAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken)); // free again
    }

    [Fact]
    public async Task A_waiter_that_times_out_or_is_cancelled_does_not_take_the_turn_later()
    {
        var turn = new WriterTurn();
        Assert.True(await turn.WaitAsync(Long, TestContext.Current.CancellationToken));

        Assert.False(await turn.WaitAsync(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken));
        using var cancel = new CancellationTokenSource();
        var cancelled = turn.WaitAsync(Long, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        var next = turn.WaitAsync(Long, TestContext.Current.CancellationToken);
        Assert.False(next.IsCompleted);
        turn.Release();
        Assert.True(await next); // the turn went past the two that gave up
        turn.Release();
        Assert.True(await turn.WaitAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));
    }
}
