using MoltBot.Configuration.Schema;

namespace MoltBot.Configuration;

/// <summary>One effective setting: concrete path, value and where it came from.</summary>
/// <param name="Path">Dotted path, lists indexed: <c>agents.list[0].id</c>.</param>
/// <param name="Value">A <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="IReadOnlyList{T}"/> of strings, or a <see cref="SecretValue"/> for a secret reference.</param>
internal sealed record ConfigLeaf(string Path, ConfigKey Key, object Value, ConfigValueSource Source)
{
    public bool IsSecret => ConfigSchema.IsSecret(Key, Path);
}
