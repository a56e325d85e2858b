using MoltBot.Configuration.Schema;

namespace MoltBot.Configuration;

/// <summary>The effective settings as flat leaves, built layer by layer (file, environment, flags, defaults); a later <see cref="Set"/> wins.</summary>
internal sealed class ConfigValues
{
    private readonly Dictionary<string, ConfigLeaf> _leaves = new(StringComparer.Ordinal);

    public void Set(string path, ConfigKey key, object value, ConfigValueSource source) =>
        _leaves[path] = new ConfigLeaf(path, key, value, source);

    public ConfigLeaf? Find(string path) => _leaves.GetValueOrDefault(path);

    public string? GetString(string path) => Find(path)?.Value as string;

    /// <summary>A secret leaf: the live <see cref="SecretValue"/> of a reference, or a fixed one for a plain string.</summary>
    public SecretValue? GetSecret(string path) => Find(path) switch
    {
        { Value: SecretValue secret } => secret,
        { Value: string value } leaf => new SecretValue(value, leaf.Source.DescribeSecret(path)),
        _ => null,
    };

    public long? GetInteger(string path) => Find(path)?.Value is long l ? l : null;

    public double? GetNumber(string path) => Find(path)?.Value switch { double d => d, long l => l, _ => null };

    public bool? GetBoolean(string path) => Find(path)?.Value is bool b ? b : null;

    public IReadOnlyList<string>? GetList(string path) => Find(path)?.Value as IReadOnlyList<string>;

    /// <summary>The distinct member names directly below <paramref name="prefix"/> (provider ids, header names), in first-seen order.</summary>
    public IEnumerable<string> MemberNames(string prefix) =>
        _leaves.Keys.Where(p => p.StartsWith(prefix + ".", StringComparison.Ordinal))
            .Select(p => p[(prefix.Length + 1)..])
            .Select(rest => rest[..(rest.IndexOfAny(['.', '[']) is var i and >= 0 ? i : rest.Length)])
            .Distinct(StringComparer.Ordinal);

    /// <summary>Number of items in the list at <paramref name="path"/> (highest index seen plus one).</summary>
    public int Count(string path) =>
        _leaves.Keys.Where(p => p.StartsWith(path + "[", StringComparison.Ordinal))
            .Select(p => int.Parse(p.AsSpan(path.Length + 1, p.IndexOf(']', path.Length) - path.Length - 1), System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(-1).Max() + 1;

    /// <summary>All leaves in schema order (the order of <see cref="ConfigSchema.Keys"/>, then ids and indexes).</summary>
    public IReadOnlyList<ConfigLeaf> Ordered() => [.. _leaves.Values.OrderBy(l => ConfigSchema.SortKey(l.Path), StringComparer.Ordinal)];
}
