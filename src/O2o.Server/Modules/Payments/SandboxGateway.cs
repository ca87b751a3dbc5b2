using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Payments;

/// <summary>
/// A gateway that plays the payer. Its notifications are signed (HMAC-SHA256 over timestamp, nonce and body)
/// exactly as a real gateway signs its own, and are verified by the same notification handler.
/// </summary>
internal sealed class SandboxGateway(IOptions<PaymentsOptions> options, IOptions<DatabaseOptions> database, PlatformSecrets secrets, TimeProvider clock) : IPaymentGateway
{
    public const string Name = "sandbox";
    public const string TimestampHeader = "O2o-Sandbox-Timestamp";
    public const string NonceHeader = "O2o-Sandbox-Nonce";
    public const string SignatureHeader = "O2o-Sandbox-Signature";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Method => Name;

    public bool IsAvailable => options.Value.Sandbox.Enabled ?? database.Value.Provider == DatabaseOptions.Sqlite;

    public IReadOnlyCollection<string> Scenes { get; } = [PaymentScene.Qr];

    public Task<Result<PaymentAction>> StartAsync(Payment payment, PaymentScene scene, CancellationToken ct) =>
        Task.FromResult<Result<PaymentAction>>(new PaymentAction("qr", $"o2o-sandbox://pay/{payment.Id}?amountFen={payment.AmountFen}"));

    /// <summary>The sandbox keeps no state of its own: what it paid, it told us by notification.</summary>
    public Task<Result<GatewayTrade>> QueryAsync(Payment payment, CancellationToken ct) =>
        Task.FromResult<Result<GatewayTrade>>(new GatewayTrade(TradeState.Pending, null, payment.AmountFen, null));

    public Task<Error?> CloseAsync(Payment payment, CancellationToken ct) => Task.FromResult<Error?>(null);

    /// <summary>The sandbox gives money back at once.</summary>
    public Task<Result<RefundState>> RefundAsync(Payment payment, Refund refund, CancellationToken ct) =>
        Task.FromResult<Result<RefundState>>(RefundState.Succeeded);

    public Task<Result<RefundState>> QueryRefundAsync(Payment payment, Refund refund, CancellationToken ct) =>
        Task.FromResult<Result<RefundState>>(RefundState.Succeeded);

    public IResult Acknowledge(int status, string outcome) => status == 200
        ? Results.Ok(new { code = "SUCCESS", outcome })
        : Results.Problem(detail: $"The notification was not accepted: {outcome}.", statusCode: status, title: "Notification rejected",
            extensions: new Dictionary<string, object?> { ["code"] = outcome });

    public (Dictionary<string, string> Headers, string Body) BuildNotification(Payment payment, bool succeeded)
    {
        var body = JsonSerializer.Serialize(new SandboxNotice(payment.Id, $"SBX{payment.Id:N}"[..24], payment.AmountFen, payment.Currency,
            succeeded ? "SUCCESS" : "FAILED", clock.GetUtcNow()), Json);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        return (new Dictionary<string, string>
        {
            [TimestampHeader] = timestamp,
            [NonceHeader] = nonce,
            [SignatureHeader] = Sign(timestamp, nonce, body),
        }, body);
    }

    public Result<GatewayNotice> Verify(IReadOnlyDictionary<string, string> headers, string body)
    {
        if (!headers.TryGetValue(TimestampHeader, out var timestamp) || !headers.TryGetValue(NonceHeader, out var nonce)
            || !headers.TryGetValue(SignatureHeader, out var signature))
            return PaymentsErrors.BadSignature;
        var expected = Convert.FromBase64String(Sign(timestamp, nonce, body));
        var given = TryBase64(signature);
        if (given is null || !CryptographicOperations.FixedTimeEquals(expected, given)) return PaymentsErrors.BadSignature;
        if (!long.TryParse(timestamp, CultureInfo.InvariantCulture, out var seconds)
            || (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > options.Value.NotificationMaxAge)
            return PaymentsErrors.StaleNotification;

        SandboxNotice? notice;
        try { notice = JsonSerializer.Deserialize<SandboxNotice>(body, Json); }
        catch (JsonException) { return PaymentsErrors.MalformedNotification; }
        if (notice is null || notice.Result is not ("SUCCESS" or "FAILED") || notice.Currency is null || notice.TradeNo is null)
            return PaymentsErrors.MalformedNotification;
        return new GatewayNotice(notice.PaymentId, notice.TradeNo, notice.AmountFen, notice.Currency, notice.Result == "SUCCESS", notice.At);
    }

    private string Sign(string timestamp, string nonce, string body) =>
        Convert.ToBase64String(HMACSHA256.HashData(secrets.Get(PlatformSecrets.SandboxNotifyKey), Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{body}\n")));

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    private sealed record SandboxNotice(Guid PaymentId, string? TradeNo, long AmountFen, string? Currency, string? Result, DateTimeOffset At);
}
