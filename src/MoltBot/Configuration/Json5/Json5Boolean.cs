namespace MoltBot.Configuration.Json5;

internal sealed class Json5Boolean(int start, int end, int line, int column, bool value)
    : Json5Node(start, end, line, column)
{
    public bool Value { get; } = value;

    public override string TypeName => "boolean";
}
