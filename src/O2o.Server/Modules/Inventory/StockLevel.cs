namespace O2o.Server.Modules.Inventory;

/// <summary>The stock of one product at one store. Changed only by conditional updates, each one recorded in the ledger.</summary>
internal sealed class StockLevel
{
    public Guid StoreId { get; init; }
    public Guid ProductId { get; init; }
    public int OnHand { get; set; }
    public int Reserved { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
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
}
