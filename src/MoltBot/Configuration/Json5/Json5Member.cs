namespace MoltBot.Configuration.Json5;

/// <param name="Name">The key, unquoted and unescaped.</param>
/// <param name="NameStart">Offset of the key's first character (its quote, if quoted).</param>
/// <param name="Line">1-based line of the key.</param>
/// <param name="Column">1-based column of the key.</param>
/// <param name="Quoted">Whether the key was written in quotes (so inserted siblings can match the file's style).</param>
internal sealed record Json5Member(string Name, int NameStart, int Line, int Column, bool Quoted, Json5Node Value);
