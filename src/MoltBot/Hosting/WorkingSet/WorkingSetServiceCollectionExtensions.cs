using Microsoft.Extensions.DependencyInjection;
using MoltBot.Configuration;

namespace MoltBot.Hosting.WorkingSet;

internal static class WorkingSetServiceCollectionExtensions
{
    /// <summary>The one-shot working-set trim after start-up (<c>gateway.trimWorkingSet</c>, on by default).</summary>
    public static IServiceCollection AddWorkingSetTrim(this IServiceCollection services, GatewayConfig config)
    {
        if (config.TrimWorkingSet)
        {
            services.AddHostedService<WorkingSetTrimService>();
        }
        return services;
    }
}
