using Microsoft.Extensions.DependencyInjection;
using MoltBot.Configuration;
using MoltBot.Gateway;
using MoltBot.Security.Audit;
using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Security;

public sealed class GatewayAuditLogTests
{
    [Fact]
    public async Task Gateway_RecordsIntoTheStateDatabase_AndFlushesOnStop()
    {
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        using var dir = new TempDirectory();
        var paths = new MoltBotPaths(dir.Path, dir.Combine("moltbot.json"));
        await using var app = GatewayApp.Build(new LoadedConfig(GatewayHarness.Config(llm), paths, false), new GatewayHostOptions { Output = TextWriter.Null });
        await app.StartAsync(TestContext.Current.CancellationToken);

        var audit = app.Services.GetRequiredService<IAuditLog>();
        audit.Record(new AuditEvent(AuditEventTypes.AuthFailed, Address: "192.0.2.10", Detail: "bad token"));
        await app.StopAsync(TestContext.Current.CancellationToken);

        Assert.IsType<SqliteAuditLog>(audit);
        using var reader = AuditLogReader.TryOpen(paths.DatabasePath)!;
        var row = Assert.Single(reader.After(0, new AuditLogFilter()));
        Assert.Equal(("auth.failure", "192.0.2.10"), (row.Type, row.Address));
        Assert.Equal("bad token", row.Detail);
    }
}
