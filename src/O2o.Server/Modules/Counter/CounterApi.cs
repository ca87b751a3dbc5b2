using O2o.Server.Kernel;

namespace O2o.Server.Modules.Counter;

/// <summary>A member bought at the counter: what they paid counts as a completed purchase (points, tier spend).</summary>
public sealed record MemberCounterSale(Guid SaleId, string CustomerId, Guid StoreId, long PaidFen, DateTimeOffset At) : IDomainEvent;

/// <summary>Units of a member's counter sale came back: <paramref name="RefundFen"/> of the sale's <paramref name="SaleTotalFen"/> was refunded.</summary>
public sealed record MemberCounterReturn(Guid ReturnId, Guid SaleId, string CustomerId, long RefundFen, long SaleTotalFen, DateTimeOffset At) : IDomainEvent;
