using O2o.Server.Kernel;

namespace O2o.Server.Modules.Payments;

/// <summary>A gateway that publishes a daily bill.</summary>
internal interface IBillSource
{
    string Method { get; }
    bool IsAvailable { get; }
    Task<Result<IReadOnlyList<BillLine>>> DownloadAsync(DateOnly day, CancellationToken ct);
}

internal sealed class PaymentBills(IEnumerable<IBillSource> sources) : IPaymentBills
{
    public IReadOnlyList<string> Methods => sources.Where(s => s.IsAvailable).Select(s => s.Method).ToList();

    public async Task<Result<IReadOnlyList<BillLine>>> DownloadAsync(string method, DateOnly day, CancellationToken ct) =>
        sources.FirstOrDefault(s => s.Method == method && s.IsAvailable) is { } source
            ? await source.DownloadAsync(day, ct)
            : PaymentsErrors.MethodUnavailable;
}
