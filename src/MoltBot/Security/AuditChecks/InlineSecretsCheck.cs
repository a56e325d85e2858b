using MoltBot.Configuration;
using MoltBot.Configuration.Json5;
using MoltBot.Configuration.Schema;

namespace MoltBot.Security.AuditChecks;

/// <summary>
/// <c>secrets.inline</c>: a secret typed literally into the config file (where backups, dotfile repos and infostealers
/// find it) instead of <c>${VAR}</c>, the environment, a secret file or Key Vault. Provenance says which values came
/// from the file; the file's own text says whether that value was a literal or a <c>${VAR}</c> reference.
/// </summary>
internal static class InlineSecretsCheck
{
    public const string Id = "secrets.inline";

    public static IEnumerable<SecurityFinding> Run(SecurityAuditContext context)
    {
        var fromFile = context.Loaded.Values.Where(v => v.IsSecret && v.Source.Kind == ConfigSourceKind.File).ToList();
        if (fromFile.Count == 0 || Parse(context.Paths.ConfigPath) is not { } root)
        {
            yield break;
        }
        var inline = fromFile.Where(v => Find(root, v.Path) is Json5String s && !s.Value.Contains("${", StringComparison.Ordinal)).ToList();
        if (inline.Count == 0)
        {
            yield break;
        }
        var first = inline[0];
        var variable = ConfigEnvironmentVariables.All.FirstOrDefault(e => e.Target == first.Path)?.Name ?? "MY_SECRET";
        yield return new SecurityFinding(Id, SecuritySeverity.Medium,
            $"{inline.Count} secret(s) written literally in the config file: {string.Join(", ", inline.Select(v => $"{v.Path} ({v.Source.File}:{v.Source.Line})"))}",
            $"Write \"${{{variable}}}\" for {first.Path} instead and set {variable} in the environment (or a secret file / Key Vault); then rotate the old value.");
    }

    private static Json5Node? Parse(string file)
    {
        try
        {
            return Json5Parser.Parse(File.ReadAllText(file));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Json5SyntaxException)
        {
            return null;
        }
    }

    private static Json5Node? Find(Json5Node root, string path)
    {
        if (!ConfigPath.TryParse(path, out var segments))
        {
            return null;
        }
        var node = root;
        foreach (var segment in segments)
        {
            node = (node, segment) switch
            {
                (Json5Object obj, { Name: { } name }) => obj.Find(name)?.Value,
                (Json5Array array, { Index: { } i }) when i < array.Items.Count => array.Items[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }
}
