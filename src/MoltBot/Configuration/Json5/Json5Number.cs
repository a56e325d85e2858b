namespace MoltBot.Configuration.Json5;

/// <param name="integer">The value when it is a whole number that fits in a long (decimal without fraction or exponent, or hex).</param>
internal sealed class Json5Number(int start, int end, int line, int column, double value, long? integer)
    : Json5Node(start, end, line, column)
{
    public double Value { get; } = value;
    public long? Integer { get; } = integer;

    public override string TypeName => Integer is null ? "number" : "integer";
}
