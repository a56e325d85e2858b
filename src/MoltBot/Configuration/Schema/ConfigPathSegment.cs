namespace MoltBot.Configuration.Schema;

/// <summary>One step of a key path: a member <see cref="Name"/> or a list <see cref="Index"/>.</summary>
internal readonly record struct ConfigPathSegment(string? Name, int? Index);
