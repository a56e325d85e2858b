using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MoltBot.Configuration;
using MoltBot.Security.Redaction;
using MoltBot.Security.Secrets;

namespace MoltBot.Cli;

/// <summary><c>moltbot config show</c>: every effective value and its source, like <c>git config --show-origin</c>.</summary>
internal static class ConfigShowCommand
{
    private const int MaxValueWidth = 48;

    public static int Run(bool json, bool showSecrets, IReadOnlyDictionary<string, string?> environment, TextWriter output, TextWriter error)
    {
        if (ConfigValidateCommand.TryLoad(environment, error) is not { } loaded)
        {
            return 1;
        }
        // Secret keys are masked field by field; the redactor also catches a secret value pasted into any other key.
        var redactor = showSecrets ? null : new KnownSecretsRedactor(ConfigSecrets.Values(loaded.Config));
        if (json)
        {
            output.WriteLine(Redact(redactor, Json(loaded, showSecrets)));
        }
        else
        {
            var table = new StringWriter();
            WriteTable(loaded, showSecrets, table);
            output.Write(Redact(redactor, table.ToString()));
        }
        return 0;
    }

    /// <summary><c>{configPath, fileExists, config: {...}, sources: {"gateway.port": "default", ...}}</c>.</summary>
    public static string Json(LoadedConfig loaded, bool showSecrets)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("configPath", loaded.Paths.ConfigPath);
            w.WriteBoolean("fileExists", loaded.FileExists);
            w.WritePropertyName("config");
            ConfigJson.WriteTree(w, loaded.Values, "", showSecrets);
            w.WriteStartObject("sources");
            foreach (var leaf in loaded.Values)
            {
                w.WriteString(leaf.Path, leaf.Source.ToString());
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void WriteTable(LoadedConfig loaded, bool showSecrets, TextWriter output)
    {
        output.WriteLine(loaded.FileExists
            ? $"# config file: {loaded.Paths.ConfigPath}"
            : $"# config file: {loaded.Paths.ConfigPath} (not found; defaults and environment)");
        var rows = loaded.Values.Select(l => (l.Path, Value: Shown(l, showSecrets), Source: l.Source.ToString())).ToList();
        var keyWidth = rows.Max(r => r.Path.Length);
        var valueWidth = rows.Max(r => r.Value.Length);
        output.WriteLine($"{"KEY".PadRight(keyWidth)}  {"VALUE".PadRight(valueWidth)}  SOURCE");
        foreach (var (path, value, source) in rows)
        {
            output.WriteLine($"{path.PadRight(keyWidth)}  {value.PadRight(valueWidth)}  {source}");
        }
    }

    private static string Redact(KnownSecretsRedactor? redactor, string text) => redactor?.Redact(text) ?? text;

    private static string Shown(ConfigLeaf leaf, bool showSecrets) =>
        leaf.Value is SecretValue { Reference: { } reference } ? reference.Describe() : Shorten(ConfigJson.Value(leaf, showSecrets));

    private static string Shorten(string value) => value.Length <= MaxValueWidth ? value : value[..(MaxValueWidth - 3)] + "...";
}
