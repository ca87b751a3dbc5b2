using Microsoft.Extensions.Options;

namespace O2o.Server.Modules.Engagement;

/// <summary>
/// SMS as a Chinese carrier would take it: 【signature】 then the Chinese title and body, at most 70 characters (one billed segment),
/// shortened with an ellipsis. Only the development sink exists: the text is kept in <c>engagement_outbound</c>, never sent.
/// </summary>
internal sealed class SmsChannel(DevelopmentSink sink, IOptions<EngagementOptions> options) : IMessageChannel
{
    public const int MaxLength = 70;

    public string Name => Channels.Sms;

    public async Task<bool> SendAsync(ChannelMessage m, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(m.Phone)) return false;
        await sink.WriteAsync(Name, m.CustomerId, m.Phone, null, Render(options.Value.Sms.Signature, m.TitleZh, m.BodyZh), m.DedupeKey, ct);
        return true;
    }

    public static string Render(string signature, string title, string body)
    {
        var text = $"【{signature}】{title}：{body}";
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }
}
