using O2o.Server.Kernel;
using O2o.Server.Modules.Loyalty;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>A new tier moves the customer between segments and tells them in their inbox, once per change.</summary>
internal sealed class OnMemberTierChanged(CustomerFeaturesUpdater features, IEngagement engagement, O2oDb db) : IEventHandler<MemberTierChanged>
{
    private static readonly (string Zh, string En)[] Names = [("普通会员", "Member"), ("普通会员", "Member"), ("银卡会员", "Silver member"), ("金卡会员", "Gold member"), ("钻石会员", "Diamond member")];

    public async Task HandleAsync(MemberTierChanged changed, CancellationToken ct)
    {
        await features.UpdateAsync(changed.CustomerId, f => f.Tier = changed.ToTier, ct);
        // Events written before the names travelled with them fall back to the default table.
        var (zh, en) = changed.ToNameZh is { Length: > 0 } ? (changed.ToNameZh, changed.ToNameEn) : Names[Math.Clamp(changed.ToTier, 0, Names.Length - 1)];
        var message = changed.ToTier > changed.FromTier
            ? new InboxMessage(changed.CustomerId, "tier", $"您已升级为{zh}", $"Welcome to {en}",
                $"恭喜！您近12个月的消费已达{zh}标准，尊享{zh}权益。", $"Congratulations! Your spend over the last 12 months reaches {en}, with all its benefits.", "/member")
            : new InboxMessage(changed.CustomerId, "tier", $"您的会员等级已调整为{zh}", $"Your membership is now {en}",
                $"近12个月的消费变化后，您的会员等级调整为{zh}。再次消费即可升级。", $"With your spend over the last 12 months, your membership is now {en}. Shop again to move back up.", "/member");
        await engagement.SendAsync(message, $"tier:{changed.CustomerId}:{changed.At.UtcTicks}:{changed.ToTier}", ct);
        await db.SaveChangesAsync(ct);
    }
}
