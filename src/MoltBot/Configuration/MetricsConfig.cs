namespace MoltBot.Configuration;

/// <summary><c>gateway.metrics</c>: the Prometheus endpoint and the push exporters.</summary>
internal sealed record MetricsConfig
{
    public bool Enabled { get; init; } = true;

    /// <summary>Serve <c>/metrics</c> without the gateway token.</summary>
    public bool Public { get; init; }

    /// <summary>OTLP/HTTP base URL (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>); null: no OTLP export.</summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary>Application Insights connection string (<c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>); null: no Azure Monitor export.</summary>
    public SecretValue? AzureMonitorConnectionString { get; init; }
}
