using System.Security.Cryptography;

namespace O2o.Server.Modules.Vouchers;

internal static class VoucherStatus
{
    public const string Active = "active";
    /// <summary>Every use redeemed.</summary>
    public const string Used = "used";
    /// <summary>The customer gave back the uses left (随时退).</summary>
    public const string Refunded = "refunded";
    /// <summary>Past its date with uses left: refunded automatically (过期退).</summary>
    public const string Expired = "expired";
}

/// <summary>
/// The terms a voucher product is sold on. A voucher expires at <see cref="ValidUntil"/> or <see cref="ValidDays"/>
/// after purchase, whichever comes first (at least one is set).
/// </summary>
internal sealed class VoucherTerms
{
    public Guid ProductId { get; init; }
    public Guid MerchantId { get; init; }
    public int Uses { get; set; }
    public long FaceValueFen { get; set; }
    public List<Guid> StoreIds { get; set; } = [];
    public DateTimeOffset? ValidUntil { get; set; }
    public int? ValidDays { get; set; }
    public DateTimeOffset? SalesEndAt { get; set; }
    public int? PerCustomerLimit { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset ExpiryFor(DateTimeOffset issuedAt)
    {
        var byDays = ValidDays is { } days ? issuedAt.AddDays(days) : DateTimeOffset.MaxValue;
        return ValidUntil is { } until && until < byDays ? until : byDays;
    }

    public bool OnSaleAt(DateTimeOffset now) => (SalesEndAt is null || now < SalesEndAt) && (ValidUntil is null || now < ValidUntil);
}

/// <summary>One issued voucher: an unguessable code with a number of uses, valid at some stores until a moment.</summary>
internal sealed class Voucher
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Code { get; init; }
    public Guid OrderId { get; init; }
    /// <summary>Its place among the vouchers of its order line, so issuing twice issues nothing new.</summary>
    public int Sequence { get; init; }
    public Guid ProductId { get; init; }
    public required string CustomerId { get; init; }
    public required string NameZh { get; init; }
    public string? NameEn { get; init; }
    public int Uses { get; init; }
    public int RemainingUses { get; set; }
    public long PriceFen { get; init; }
    public long RefundedFen { get; set; }
    /// <summary>The gateway refund number used when the uses left are given back (stable, so a retry refunds once).</summary>
    public Guid? RefundId { get; set; }
    public List<Guid> StoreIds { get; init; } = [];
    public DateTimeOffset ValidUntil { get; init; }
    public string Status { get; set; } = VoucherStatus.Active;
    public DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; set; }

    public string DisplayName(bool english) => english && !string.IsNullOrEmpty(NameEn) ? NameEn : NameZh;

    /// <summary>What the uses left are worth: all of the price when none was used, else its share rounded down to the fen.</summary>
    public long RefundableFen => RemainingUses == Uses ? PriceFen : PriceFen * RemainingUses / Uses;

    /// <summary>12 random digits (10^12 codes), typed by staff or scanned from the QR; uniqueness is checked on issue.</summary>
    public static string NewCode() => string.Create(12, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
    });

    public static string QrPayload(string code) => $"o2o:voucher:{code}";
}

internal sealed class VoucherRedemption
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid VoucherId { get; init; }
    public Guid StoreId { get; init; }
    public required string StaffId { get; init; }
    public int Uses { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>A wrong code typed at a store: too many in a window and the store's redemptions pause (codes are not to be guessed).</summary>
internal sealed class VoucherCodeFailure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid StoreId { get; init; }
    public DateTimeOffset At { get; init; }
}
