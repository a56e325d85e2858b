using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MoltBot.Hosting;
using MoltBot.Security.Audit;

namespace MoltBot.Gateway.Security;

/// <summary>
/// The first gate: works out the client address (<see cref="ClientAddressResolver"/>; from then on
/// <c>Connection.RemoteIpAddress</c> is the client, not the proxy) and refuses addresses outside
/// <c>gateway.allowedIpRanges</c> with 403 before any other work. The liveness/readiness probes stay answerable
/// (the platform probes from its own addresses) and say nothing but "live"/"ready".
/// </summary>
internal sealed partial class NetworkAccessMiddleware(
    RequestDelegate next, NetworkAccessPolicy policy, IAuditLog audit, TimeProvider timeProvider, ILogger<NetworkAccessMiddleware> logger)
{
    private readonly OncePerAddress _report = new(TimeSpan.FromHours(1), timeProvider);

    public Task InvokeAsync(HttpContext context)
    {
        var client = ClientAddressResolver.Resolve(context.Connection.RemoteIpAddress, context.Request.Headers["X-Forwarded-For"], policy.TrustedProxies);
        context.Connection.RemoteIpAddress = client;
        if (policy.AllowedRanges.IsEmpty || (client is not null && policy.AllowedRanges.Contains(client)) || HealthEndpoints.IsProbe(context.Request.Path))
        {
            return next(context);
        }
        if (_report.TryAcquire(client))
        {
            var address = AddressKey.Describe(client);
            audit.Record(new AuditEvent(AuditEventTypes.IpDenied, Address: address, Detail: context.Request.Path.Value));
            LogDenied(logger, address, context.Request.Path.Value ?? "/");
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("Forbidden\n");
    }

    [LoggerMessage(EventId = 72, EventName = EventNames.IpDenied, Level = LogLevel.Warning,
        Message = "refused {Address} on {Path}: not in gateway.allowedIpRanges (logged once an hour per address)")]
    private static partial void LogDenied(ILogger logger, string address, string path);
}
