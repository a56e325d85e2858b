using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Hosting;
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
            sp.Get<SqliteDatabase>(), sp.Get<ISecretRedactor>(), sp.Get<TimeProvider>(), sp.Logger<SqliteAuditLog>()));
        services.AddSingleton<IAuditLog>(sp => sp.Get<SqliteAuditLog>());
        services.AddSingleton<IHostedService>(sp => sp.Get<SqliteAuditLog>());
        return services;
    }
}
