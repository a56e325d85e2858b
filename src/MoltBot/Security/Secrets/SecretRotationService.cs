using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Security.Audit;

namespace MoltBot.Security.Secrets;

/// <summary>
/// Rotation without restart: re-reads secret files every 30 s (sooner when a <see cref="FileSystemWatcher"/> sees the
/// folder change; Kubernetes and Container Apps swap a symlink, so the watcher is only a hint) and unpinned Key Vault
/// secrets every 60 s, on the injected clock. Every change is audited (<c>secret.reload</c>) and logged by key name.
/// </summary>
internal sealed partial class SecretRotationService(SecretStore store, IAuditLog audit, TimeProvider timeProvider, ILogger<SecretRotationService> logger)
    : BackgroundService
{
    public static readonly TimeSpan FilePollInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan KeyVaultPollInterval = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _hint = new(0, 1);
    private readonly Dictionary<string, string> _failing = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!store.HasRotating)
        {
            return;
        }
        var watchers = Watch();
        try
        {
            var nextKeyVault = timeProvider.GetUtcNow() + KeyVaultPollInterval;
            while (!stoppingToken.IsCancellationRequested)
            {
                await WaitAsync(stoppingToken);
                Report(store.RefreshFiles());
                if (timeProvider.GetUtcNow() >= nextKeyVault)
                {
                    nextKeyVault = timeProvider.GetUtcNow() + KeyVaultPollInterval;
                    Report(await store.RefreshKeyVaultAsync(stoppingToken));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                watcher.Dispose();
            }
        }
    }

    public override void Dispose()
    {
        _hint.Dispose();
        base.Dispose();
    }

    /// <summary>The poll interval, or earlier when a watched folder changed.</summary>
    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(FilePollInterval, timeProvider, either.Token);
        await Task.WhenAny(delay, _hint.WaitAsync(either.Token));
        await either.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    private List<FileSystemWatcher> Watch()
    {
        var watchers = new List<FileSystemWatcher>();
        foreach (var folder in store.FileFolders.Where(Directory.Exists))
        {
            try
            {
                var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName };
                watcher.Changed += (_, _) => Hint();
                watcher.Created += (_, _) => Hint();
                watcher.Renamed += (_, _) => Hint();
                watcher.EnableRaisingEvents = true;
                watchers.Add(watcher);
            }
            catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
            {
                // No notifications here (e.g. inotify limits): the poll still picks changes up.
            }
        }
        return watchers;
    }

    private void Hint()
    {
        try
        {
            if (_hint.CurrentCount == 0)
            {
                _hint.Release();
            }
        }
        catch (Exception e) when (e is SemaphoreFullException or ObjectDisposedException)
        {
        }
    }

    private void Report(IReadOnlyList<SecretReload> reloads)
    {
        foreach (var reload in reloads)
        {
            if (reload.Error is null)
            {
                _failing.Remove(reload.Key);
                audit.Record(new AuditEvent(AuditEventTypes.SecretReloaded, Actor: reload.Reference.SourceName, Detail: reload.Key));
                LogReloaded(logger, reload.Key, reload.Reference);
            }
            else if (!(_failing.TryGetValue(reload.Key, out var known) && known == reload.Error))
            {
                // Once per distinct error, not every 30 s while a file stays missing.
                _failing[reload.Key] = reload.Error;
                LogReloadFailed(logger, reload.Key, reload.Reference, reload.Error);
            }
        }
    }

    [LoggerMessage(EventId = 1, EventName = Hosting.EventNames.SecretReloaded, Level = LogLevel.Information,
        Message = "secret {Key} reloaded from {Reference}; the next call uses the new value")]
    private static partial void LogReloaded(ILogger logger, string key, SecretReference reference);

    [LoggerMessage(EventId = 2, EventName = Hosting.EventNames.SecretReloadFailed, Level = LogLevel.Warning,
        Message = "secret {Key} could not be re-read from {Reference} (the previous value stays in use): {Error}")]
    private static partial void LogReloadFailed(ILogger logger, string key, SecretReference reference, string error);
}
