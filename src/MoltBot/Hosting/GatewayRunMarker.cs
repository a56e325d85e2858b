using System.Globalization;
using System.Text;
using System.Text.Json;
using MoltBot.Storage;

namespace MoltBot.Hosting;

/// <summary>
/// Tells how the previous gateway run ended, from <c>&lt;state&gt;/gateway-run.json</c>: written <c>running</c> when a
/// run is ready and <c>stopped</c> on a graceful stop. Still <c>running</c> at the next start means the last run never
/// stopped cleanly (killed, out of memory, power loss): a <see cref="Crash"/>.
/// </summary>
/// <remarks>
/// Only the run that wrote <c>running</c> marks it <c>stopped</c>, so an old process stopping after a new one started
/// (a rolling update sharing the state folder) cannot hide the new one's crash. That same overlap makes the new run
/// report <see cref="Crash"/>, since the old one was still running when it started.
/// </remarks>
internal sealed class GatewayRunMarker(string stateDir, TimeProvider timeProvider)
{
    public const string FileName = "gateway-run.json";
    public const string FirstStart = "first-start";
    public const string Clean = "clean";
    public const string Crash = "crash";

    private readonly string _path = Path.Combine(stateDir, FileName);
    private readonly string _runId = Guid.NewGuid().ToString("N");
    private bool _started;

    /// <summary>How the previous run ended (<see cref="FirstStart"/>, <see cref="Clean"/> or <see cref="Crash"/>); marks this run as running.</summary>
    public string Start(string version)
    {
        var previous = Read() switch
        {
            null => FirstStart,
            { State: "stopped" } => Clean,
            _ => Crash,
        };
        Write("running", version);
        _started = true;
        return previous;
    }

    /// <summary>Marks a graceful stop, unless another run has taken the marker over since.</summary>
    public void Stop(string version)
    {
        if (_started && Read() is { } current && current.RunId == _runId)
        {
            Write("stopped", version);
        }
    }

    private (string State, string? RunId)? Read()
    {
        if (!File.Exists(_path))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(_path));
            var root = document.RootElement;
            return (root.GetProperty("state").GetString() ?? "", root.TryGetProperty("runId", out var id) ? id.GetString() : null);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return ("unreadable", null); // a torn or foreign file: the last run did not end cleanly
        }
    }

    private void Write(string state, string version)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("state", state);
            json.WriteString("runId", _runId);
            json.WriteNumber("pid", Environment.ProcessId);
            json.WriteString("version", version);
            json.WriteString("at", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }
        StateFiles.WritePrivate(_path, Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
