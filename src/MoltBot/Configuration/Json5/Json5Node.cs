namespace MoltBot.Configuration.Json5;

/// <summary>
/// A parsed JSON5 value with its exact place in the source text, so errors can name file:line:column
/// and edits can replace the value's text span and leave everything else (comments included) alone.
/// </summary>
/// <param name="Start">Offset of the value's first character.</param>
/// <param name="End">Offset just past the value's last character.</param>
/// <param name="Line">1-based line of <paramref name="Start"/>.</param>
/// <param name="Column">1-based column of <paramref name="Start"/>.</param>
internal abstract class Json5Node(int start, int end, int line, int column)
{
    public int Start { get; } = start;
    public int End { get; } = end;
    public int Line { get; } = line;
    public int Column { get; } = column;

    /// <summary>A JSON-schema-like type name for messages: <c>object</c>, <c>array</c>, <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>null</c>.</summary>
    public abstract string TypeName { get; }
}
