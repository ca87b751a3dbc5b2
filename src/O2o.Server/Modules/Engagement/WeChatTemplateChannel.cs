using System.Text.Json;
using Microsoft.Extensions.Options;

namespace O2o.Server.Modules.Engagement;

/// <summary>
/// A WeChat official-account template message: the configured template id and its data fields (first, keyword1, keyword2, remark),
/// with the page it opens. Customers have no bound openid yet, so the development sink addresses the customer id; nothing is sent.
/// </summary>
internal sealed class WeChatTemplateChannel(DevelopmentSink sink, IOptions<EngagementOptions> options) : IMessageChannel
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => Channels.WeChatTemplate;

    public async Task<bool> SendAsync(ChannelMessage m, CancellationToken ct)
    {
        var data = new Dictionary<string, object>
        {
            ["first"] = new { value = m.TitleZh },
            ["keyword1"] = new { value = m.BodyZh.Length <= 20 ? m.BodyZh : m.BodyZh[..19] + "…" },
            ["keyword2"] = new { value = m.TitleEn },
            ["remark"] = new { value = m.BodyZh },
        };
        var content = JsonSerializer.Serialize(new { template_id = options.Value.WeChat.TemplateId, url = m.Link, data }, Readable);
        await sink.WriteAsync(Name, m.CustomerId, $"customer:{m.CustomerId}", options.Value.WeChat.TemplateId, content, m.DedupeKey, ct);
        return true;
    }
}
