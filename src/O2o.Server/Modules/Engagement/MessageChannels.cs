using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>A message to one customer through one channel, with the key that makes sending it twice change nothing.</summary>
internal sealed record ChannelMessage(string CustomerId, string? Phone, string TitleZh, string TitleEn, string BodyZh, string BodyEn, string? Link, string DedupeKey);

/// <summary>A way to reach customers: the in-app inbox for real; SMS and WeChat template messages through development sinks.</summary>
internal interface IMessageChannel
{
    string Name { get; }

    /// <summary>Writes the message in the caller's unit of work; false when this customer cannot be reached this way (no phone, say).</summary>
    Task<bool> SendAsync(ChannelMessage message, CancellationToken ct);
}

internal static class Channels
{
    public const string Inbox = "inbox";
    public const string Sms = "sms";
    public const string WeChatTemplate = "wechat_template";
    public static readonly string[] All = [Inbox, Sms, WeChatTemplate];
}

internal sealed class InboxChannel(IEngagement engagement) : IMessageChannel
{
    public string Name => Channels.Inbox;

    public async Task<bool> SendAsync(ChannelMessage m, CancellationToken ct)
    {
        await engagement.SendAsync(new InboxMessage(m.CustomerId, "campaign", m.TitleZh, m.TitleEn, m.BodyZh, m.BodyEn, m.Link), m.DedupeKey, ct);
        return true;
    }
}

/// <summary>Keeps what a development sink would have sent, once per key, and logs it without the recipient's number.</summary>
internal sealed class DevelopmentSink(O2oDb db, TimeProvider clock, ILogger<DevelopmentSink> logger)
{
    public async Task WriteAsync(string channel, string customerId, string recipient, string? templateId, string content, string dedupeKey, CancellationToken ct)
    {
        if (db.ChangeTracker.Entries<OutboundMessage>().Any(e => e.Entity.DedupeKey == dedupeKey)
            || await db.Set<OutboundMessage>().AnyAsync(o => o.DedupeKey == dedupeKey, ct)) return;
        db.Add(new OutboundMessage
        {
            Channel = channel, CustomerId = customerId, Recipient = recipient, TemplateId = templateId, Content = content, DedupeKey = dedupeKey,
            CreatedAt = clock.GetUtcNow(),
        });
        logger.LogInformation("Development sink kept a {Channel} message for customer {CustomerId} ({Length} characters, template {TemplateId}); nothing was sent",
            channel, customerId, content.Length, templateId ?? "-");
    }
}
