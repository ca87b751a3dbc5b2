namespace O2o.Web.Texts;

public enum Lang { Zh, En }

/// <summary>One user-facing text in both languages; the constructor takes both, so neither can be forgotten.</summary>
public sealed record Text(string Zh, string En)
{
    public string this[Lang lang] => lang == Lang.En ? En : Zh;
}
