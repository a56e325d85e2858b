namespace MoltBot.Providers;

/// <summary>A parsed model ref: <c>provider/model-id</c>; the model id may itself contain <c>/</c>.</summary>
internal sealed record ModelRef(string Provider, string ModelId)
{
    public override string ToString() => $"{Provider}/{ModelId}";
}
