using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MoltBot.Hosting;
using MoltBot.Security.Audit;

namespace MoltBot.Security.Secrets;

internal static class SecretsServiceCollectionExtensions
{
    /// <summary>Re-reads rotating secret references while the gateway runs (the <see cref="SecretStore"/> comes from <c>AddMoltBotCore</c>).</summary>
    public static IServiceCollection AddSecretRotation(this IServiceCollection services) =>
        services.AddSingleton<IHostedService>(sp => new SecretRotationService(
            sp.Get<SecretStore>(), sp.Get<IAuditLog>(), sp.Get<TimeProvider>(), sp.Logger<SecretRotationService>()));
}
