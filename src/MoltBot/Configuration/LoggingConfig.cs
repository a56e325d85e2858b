namespace MoltBot.Configuration;

/// <summary><c>logging</c>: how console logs look and how much is printed.</summary>
internal sealed record LoggingConfig
{
    /// <summary><c>text</c> (<c>[area] message</c> lines) or <c>json</c> (one object per line, for log collectors).</summary>
    public string Format { get; init; } = "text";

    /// <summary><c>trace</c>, <c>debug</c>, <c>info</c>, <c>warn</c> or <c>error</c>.</summary>
    public string Level { get; init; } = "info";
}
