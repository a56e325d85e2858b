namespace MoltBot.Configuration.Json5;

/// <summary>Malformed JSON5: where (1-based line and column) and what was expected.</summary>
internal sealed class Json5SyntaxException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}
