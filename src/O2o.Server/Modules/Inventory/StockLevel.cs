namespace O2o.Server.Modules.Inventory;

/// <summary>The stock of one product at one store. Changed only by conditional updates, each one recorded in the ledger.</summary>
internal sealed class StockLevel
{
    public Guid StoreId { get; init; }
    public Guid ProductId { get; init; }
    public int OnHand { get; set; }
    public int Reserved { get; set; }
    /// <summary>Units kept back from online promises (for the shelf and counting errors); the counter may still sell them.</summary>
    public int SafetyStock { get; set; }
    /// <summary>Staff are alerted when what can be promised online falls to this; 0 means no alert.</summary>
    public int LowStockThreshold { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public int OnlineAvailable => Math.Max(0, OnHand - Reserved - SafetyStock);
}

/// <summary>One append-only movement; on hand and reserved are always the sum of a stock level's movements.</summary>
internal sealed class StockMovement
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid StoreId { get; init; }
    public Guid ProductId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Kind { get; init; }
    public int Quantity { get; init; }
    public int OnHandDelta { get; init; }
    public int ReservedDelta { get; init; }
    public int OnHandAfter { get; init; }
    public int ReservedAfter { get; init; }
    public string? Reference { get; init; }
    public string? Reason { get; init; }
}

internal static class MovementKinds
{
    public const string Adjustment = "adjustment";
    public const string Reserve = "reserve";
    public const string Release = "release";
    public const string Sale = "sale";
    public const string CounterSale = "counter_sale";
    public const string CounterReturn = "counter_return";
    public const string StockCount = "stock_count";
    public const string TransferOut = "transfer_out";
    public const string TransferIn = "transfer_in";
    public const string TransferCancelled = "transfer_cancelled";
}
