using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Security.Redaction;
using MoltBot.Storage;

namespace MoltBot.Security.Audit;

internal static class AuditLogServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the no-op <see cref="NullAuditLog"/> with <see cref="SqliteAuditLog"/> (in the state database). Register it
    /// before the other hosted services: hosts stop in reverse order, so the writer stops (and flushes) last.
    /// </summary>
    public static IServiceCollection AddSqliteAuditLog(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SqliteAuditLog(
            sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<ISecretRedactor>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SqliteAuditLog>>()));
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<SqliteAuditLog>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<SqliteAuditLog>());
        return services;
    }
}
