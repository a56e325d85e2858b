namespace MoltBot.Configuration;

/// <summary><c>gateway.auth.rateLimit</c>: how failed authentications are throttled per client address.</summary>
internal sealed record GatewayAuthRateLimitConfig
{
    /// <summary>Failures allowed per window before back-off starts.</summary>
    public int MaxFailures { get; init; } = 10;

    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest back-off, and how long an address must stay quiet to start over.</summary>
    public TimeSpan Lockout { get; init; } = TimeSpan.FromSeconds(300);

    public static GatewayAuthRateLimitConfig From(ConfigValues values)
    {
        var defaults = new GatewayAuthRateLimitConfig();
        return new GatewayAuthRateLimitConfig
        {
            MaxFailures = (int)(values.GetInteger("gateway.auth.rateLimit.maxFailures") ?? defaults.MaxFailures),
            Window = values.GetInteger("gateway.auth.rateLimit.windowSeconds") is { } window ? TimeSpan.FromSeconds(window) : defaults.Window,
            Lockout = values.GetInteger("gateway.auth.rateLimit.lockoutSeconds") is { } lockout ? TimeSpan.FromSeconds(lockout) : defaults.Lockout,
        };
    }
}
