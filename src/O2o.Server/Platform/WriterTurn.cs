namespace O2o.Server.Platform;

/// <summary>
/// A first-come, first-served async lock that hands itself straight to the next waiter. A <see cref="SemaphoreSlim"/>
/// resumes the next waiter from the back of the thread pool's global queue, so under load the lock sits granted but idle
/// while every other request's work runs first. Here the next waiter resumes from the releasing thread's local queue,
/// which that thread (or an idle one) runs next.
/// </summary>
internal sealed class WriterTurn
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private bool _taken;

    /// <summary>True once the turn is the caller's; false when <paramref name="timeout"/> passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        Waiter waiter;
        lock (_gate)
        {
            if (!_taken)
            {
                _taken = true;
                return Task.FromResult(true);
            }
            waiter = new Waiter(this);
            waiter.Node = _waiters.AddLast(waiter);
        }
        waiter.Watch(timeout, ct);
        return waiter.Task;
    }

    public void Release()
    {
        Waiter next;
        lock (_gate)
        {
            if (_waiters.First is not { } first)
            {
                _taken = false;
                return;
            }
            next = first.Value;
            _waiters.RemoveFirst();
        }
        ThreadPool.UnsafeQueueUserWorkItem(static waiter => waiter.Grant(), next, preferLocal: true);
    }

    /// <summary>Leaves the queue if still in it; a waiter already taken off the queue is being granted and stays granted.</summary>
    private bool TryLeave(Waiter waiter)
    {
        lock (_gate)
        {
            if (waiter.Node?.List is null) return false;
            _waiters.Remove(waiter.Node);
            return true;
        }
    }

    private sealed class Waiter(WriterTurn turn) : IDisposable
    {
        // Continuations run inline where the result is set: in the work item queued by Release, on a fresh stack.
        private readonly TaskCompletionSource<bool> _done = new();
        private CancellationTokenRegistration _cancellation;
        private Timer? _timer;

        public LinkedListNode<Waiter>? Node { get; set; }
        public Task<bool> Task => _done.Task;

        public void Watch(TimeSpan timeout, CancellationToken ct)
        {
            _timer = new Timer(static w => ((Waiter)w!).GiveUp(null), this, timeout, Timeout.InfiniteTimeSpan);
            if (ct.CanBeCanceled) _cancellation = ct.UnsafeRegister(static (w, token) => ((Waiter)w!).GiveUp(token), this);
        }

        public void Grant()
        {
            Dispose();
            _done.TrySetResult(true);
        }

        private void GiveUp(CancellationToken? cancelled)
        {
            if (!turn.TryLeave(this)) return;
            Dispose();
            if (cancelled is { } token) _done.TrySetCanceled(token);
            else _done.TrySetResult(false);
        }

        public void Dispose()
        {
            _timer?.Dispose();
            _cancellation.Dispose();
        }
    }
}
