namespace MoltBot.Configuration.Json5;

internal sealed class Json5String(int start, int end, int line, int column, string value)
    : Json5Node(start, end, line, column)
{
    public string Value { get; } = value;

    public override string TypeName => "string";
}
