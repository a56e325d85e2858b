namespace MoltBot.Configuration.Json5;

internal sealed class Json5Null(int start, int end, int line, int column) : Json5Node(start, end, line, column)
{
    public override string TypeName => "null";
}
