namespace MoltBot.Configuration.Json5;

internal sealed class Json5Object(int start, int end, int line, int column, IReadOnlyList<Json5Member> members)
    : Json5Node(start, end, line, column)
{
    public IReadOnlyList<Json5Member> Members { get; } = members;

    public override string TypeName => "object";

    /// <summary>The last member with this name (JSON5, like JSON, lets a later duplicate win).</summary>
    public Json5Member? Find(string name) => Members.LastOrDefault(m => m.Name == name);
}
