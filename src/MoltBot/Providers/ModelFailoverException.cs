namespace MoltBot.Providers;

/// <summary>Every model in the failover list failed; <see cref="Failures"/> holds each model's error in order.</summary>
internal sealed class ModelFailoverException(IReadOnlyList<(string Model, Exception Error)> failures)
    : Exception(
        "All models failed:" + string.Concat(failures.Select(f => $"{Environment.NewLine}  - {f.Model}: {f.Error.Message}")),
        failures.Count > 0 ? failures[^1].Error : null)
{
    public IReadOnlyList<(string Model, Exception Error)> Failures { get; } = failures;
}
