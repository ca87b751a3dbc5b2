using System.Reflection;
using System.Text.RegularExpressions;
using O2o.Web.Texts;

namespace O2o.Tests.Web;

public sealed partial class TextTableTests
{
    private static readonly List<(string Name, Text Text)> Texts = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(Text)).Select(f => (f.Name, (Text)f.GetValue(null)!)).ToList();

    [Fact]
    public void Every_console_text_has_a_chinese_and_an_english_version()
    {
        Assert.True(Texts.Count > 100, $"Only {Texts.Count} texts were found.");
        var offenders = Texts.Where(t => !Han().IsMatch(t.Text.Zh) || string.IsNullOrWhiteSpace(t.Text.En) || Han().IsMatch(t.Text.En))
            .Select(t => t.Name).ToList();
        Assert.True(offenders.Count == 0, "Texts missing a Chinese or an English version: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Both_versions_of_a_text_take_the_same_placeholders()
    {
        var offenders = Texts.Where(t => !Placeholders(t.Text.Zh).SequenceEqual(Placeholders(t.Text.En))).Select(t => t.Name).ToList();
        Assert.True(offenders.Count == 0, "Placeholders differ between the languages: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Money_is_shown_in_yuan_with_two_decimals_and_times_on_the_stores_clock()
    {
        Assert.Equal("¥12.34", Ui.Money(1234));
        Assert.Equal("¥0.05", Ui.Money(5));
        Assert.Equal("-¥1.00", Ui.Money(-100));
        Assert.Equal("2026-01-01 08:30", Ui.Time(new DateTimeOffset(2026, 1, 1, 0, 30, 0, TimeSpan.Zero), "Asia/Shanghai"));
    }

    private static IEnumerable<string> Placeholders(string s) => Placeholder().Matches(s).Select(m => m.Value).Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
