using MoltBot.Security.Secrets;

namespace MoltBot.Configuration;

/// <summary>
/// A secret plus where it was read from, so errors can say which key is wrong without printing it.
/// A value from a secret reference that rotates (a file, an unpinned Key Vault secret) is live: <see cref="Value"/>
/// is the latest one the <see cref="SecretStore"/> read, so callers that read it per call need no restart.
/// </summary>
internal sealed class SecretValue : IEquatable<SecretValue>
{
    private volatile string _value;

    public SecretValue(string value, string source, SecretReference? reference = null)
    {
        _value = value;
        Source = source;
        Reference = reference;
    }

    /// <summary>The current value ("" for a Key Vault secret not fetched yet).</summary>
    public string Value => _value;

    /// <summary>Where it comes from, safe to print: <c>env X</c>, <c>/path/moltbot.json:12 (key)</c>, <c>file:/run/secrets/x (key)</c>.</summary>
    public string Source { get; }

    /// <summary>The <c>{ "source": ... }</c> reference it was configured with; null for a plain string.</summary>
    public SecretReference? Reference { get; }

    /// <summary>Raised after <see cref="Value"/> changed (a rotated file or Key Vault version), with the new value in place.</summary>
    public event Action<SecretValue>? Changed;

    /// <returns>True when the value differs from the current one (and was replaced).</returns>
    internal bool Update(string value)
    {
        if (string.Equals(_value, value, StringComparison.Ordinal))
        {
            return false;
        }
        _value = value;
        Changed?.Invoke(this);
        return true;
    }

    public bool Equals(SecretValue? other) =>
        other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal) && Source == other.Source && Reference == other.Reference;

    public override bool Equals(object? obj) => Equals(obj as SecretValue);

    public override int GetHashCode() => HashCode.Combine(Value, Source, Reference);

    public override string ToString() => "***";
}
