using Microsoft.EntityFrameworkCore;

namespace O2o.Server.Modules.Payments;

internal static class PaymentStatus
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Closed = "closed";
    public const string Refunded = "refunded";
}

/// <summary>One attempt to pay an order through one gateway.</summary>
internal sealed class Payment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrderId { get; init; }
    public required string CustomerId { get; init; }
    public required string Method { get; init; }
    public long AmountFen { get; init; }
    public string Currency { get; init; } = "CNY";
    public string Status { get; set; } = PaymentStatus.Pending;
    public string? GatewayTradeNo { get; set; }
    /// <summary>Refunds asked for or made, reserved before the gateway is asked, so they never add up to more than was paid.</summary>
    public long RefundedFen { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SettledAt { get; set; }
}

internal static class RefundStatus
{
    public const string Processing = "processing";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

internal sealed class Refund
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PaymentId { get; init; }
    public Guid OrderId { get; init; }
    public long AmountFen { get; init; }
    public required string Status { get; set; }
    public required string Reason { get; init; }
    public string? GatewayRefundNo { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SettledAt { get; set; }
}

/// <summary>Every notification a gateway sent us, accepted or not, kept for audit.</summary>
internal sealed class PaymentNotification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Gateway { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public required string Headers { get; init; }
    public required string Body { get; init; }
    public Guid? PaymentId { get; set; }
    public required string Outcome { get; set; }
}

internal static class PaymentsPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Payment>(e =>
        {
            e.ToTable("payments_payments");
            e.HasKey(p => p.Id);
            e.Property(p => p.CustomerId).HasMaxLength(64);
            e.Property(p => p.Method).HasMaxLength(16);
            e.Property(p => p.Currency).HasMaxLength(3);
            e.Property(p => p.Status).HasMaxLength(16);
            e.Property(p => p.GatewayTradeNo).HasMaxLength(64);
            e.HasIndex(p => p.OrderId);
            e.HasIndex(p => new { p.Status, p.CreatedAt });
        });
        builder.Entity<Refund>(e =>
        {
            e.ToTable("payments_refunds");
            e.HasKey(r => r.Id);
            e.Property(r => r.Status).HasMaxLength(16);
            e.Property(r => r.Reason).HasMaxLength(200);
            e.Property(r => r.GatewayRefundNo).HasMaxLength(64);
            e.HasIndex(r => r.OrderId);
            e.HasIndex(r => r.PaymentId);
        });
        builder.Entity<PaymentNotification>(e =>
        {
            e.ToTable("payments_notifications");
            e.HasKey(n => n.Id);
            e.Property(n => n.Gateway).HasMaxLength(16);
            e.Property(n => n.Headers).HasMaxLength(4000);
            e.Property(n => n.Body).HasMaxLength(16000);
            e.Property(n => n.Outcome).HasMaxLength(64);
            e.HasIndex(n => n.PaymentId);
        });
    }
}
