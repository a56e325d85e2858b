namespace MoltBot.Gateway.Security;

/// <summary>What <see cref="GatewayAuthGuard"/> decided for one request or connection.</summary>
internal readonly record struct GatewayAuthResult(GatewayAuthOutcome Outcome, TimeSpan RetryAfter = default)
{
    public static GatewayAuthResult Allowed => new(GatewayAuthOutcome.Allowed);

    public static GatewayAuthResult Denied => new(GatewayAuthOutcome.Denied);

    public static GatewayAuthResult Throttled(TimeSpan retryAfter) => new(GatewayAuthOutcome.Throttled, retryAfter);

    /// <summary>Whole seconds for <c>Retry-After</c>, never 0 (a client retrying at once would still be refused).</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}

internal enum GatewayAuthOutcome
{
    Allowed,

    /// <summary>Missing or wrong token.</summary>
    Denied,

    /// <summary>Too many recent failures from this address: refused without looking at the token.</summary>
    Throttled,
}
