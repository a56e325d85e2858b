namespace MoltBot.Configuration.Json5;

internal sealed class Json5Array(int start, int end, int line, int column, IReadOnlyList<Json5Node> items)
    : Json5Node(start, end, line, column)
{
    public IReadOnlyList<Json5Node> Items { get; } = items;

    public override string TypeName => "array";
}
