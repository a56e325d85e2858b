namespace MoltBot.Configuration.Schema;

/// <summary>One row of <see cref="ConfigSchema"/>: a key, its type, default, flag and what it does.</summary>
/// <param name="Path">Dotted key pattern: <c>*</c> stands for a map member (provider id, header name), <c>[]</c> for a list item.</param>
internal sealed record ConfigKey(string Path, ConfigValueKind Kind, string Description)
{
    /// <summary>The default as documentation text when it is not a plain value (e.g. derived from other settings).</summary>
    public string? Default { get; init; }

    /// <summary>The default the loader fills in (<see cref="long"/>, <see cref="string"/> or <see cref="bool"/>) when no layer sets the key.</summary>
    public object? DefaultValue { get; init; }

    /// <summary>What the docs show as the default.</summary>
    public string? DefaultText => Default ?? DefaultValue switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var o => o.ToString(),
    };

    /// <summary>The CLI flag that overrides the key (e.g. <c>--port</c>), for provenance.</summary>
    public string? Flag { get; init; }

    /// <summary>Valid values of an <see cref="ConfigValueKind.Enum"/>.</summary>
    public IReadOnlyList<string> Allowed { get; init; } = [];

    public long? Min { get; init; }
    public long? Max { get; init; }

    /// <summary>Must be present in every item of the enclosing list.</summary>
    public bool Required { get; init; }

    /// <summary>For <see cref="ConfigValueKind.Legacy"/>: where the setting lives now.</summary>
    public string? MovedTo { get; init; }

    /// <summary>The parent pattern: <c>models.providers.*</c> for <c>models.providers.*.api</c>, <c>agents.list[]</c> for <c>agents.list[].id</c>, <c>""</c> at top level.</summary>
    public string Parent => Path.EndsWith("[]", StringComparison.Ordinal) ? Path[..^2]
        : Path.LastIndexOf('.') is var dot and >= 0 ? Path[..dot] : "";

    /// <summary>The last segment: <c>api</c>, <c>*</c>, or <c>list[]</c> for a list item.</summary>
    public string Name => Path.EndsWith("[]", StringComparison.Ordinal) ? "[]" : Path[(Path.LastIndexOf('.') + 1)..];

    public bool IsContainer => Kind is ConfigValueKind.Section or ConfigValueKind.Map or ConfigValueKind.List;

    /// <summary>Keys that are documented and settable (not containers of ids, not legacy).</summary>
    public bool IsDocumented => Kind is not ConfigValueKind.Legacy;
}
