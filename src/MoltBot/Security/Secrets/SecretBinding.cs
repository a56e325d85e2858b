using MoltBot.Configuration;

namespace MoltBot.Security.Secrets;

/// <summary>One secret-valued config key bound to a reference the <see cref="SecretStore"/> reads.</summary>
internal sealed record SecretBinding(string Key, SecretValue Secret, SecretReference Reference);

/// <summary>The outcome of re-reading one rotating secret: changed (<see cref="Error"/> null) or failed (previous value kept).</summary>
internal sealed record SecretReload(string Key, SecretReference Reference, string? Error = null);
