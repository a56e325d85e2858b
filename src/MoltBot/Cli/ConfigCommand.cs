using System.CommandLine;
using MoltBot.Configuration;

namespace MoltBot.Cli;

/// <summary><c>moltbot config validate|get|set|show</c>: thin wiring; the logic lives in the <c>Config*Command.Run</c> methods (testable with any writer and environment).</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var command = new Command("config", "Check, read and edit the configuration (~/.moltbot/moltbot.json, environment, defaults).");
        command.Subcommands.Add(Validate());
        command.Subcommands.Add(Get());
        command.Subcommands.Add(Set());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command Validate()
    {
        var command = new Command("validate", "Check the config file and environment; list every problem with its fix.");
        command.SetAction(r => ConfigValidateCommand.Run(ProcessEnvironment.Snapshot(), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    private static Command Get()
    {
        var key = new Argument<string>("key") { Description = "Key path, e.g. gateway.port or agents.list[0].id." };
        var showSecrets = ShowSecretsOption();
        var command = new Command("get", "Print the effective value of a key.") { key, showSecrets };
        command.SetAction(r => ConfigGetCommand.Run(r.GetValue(key)!, r.GetValue(showSecrets), ProcessEnvironment.Snapshot(), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    private static Command Set()
    {
        var key = new Argument<string>("key") { Description = "Key path, e.g. gateway.port or models.providers.openrouter.apiKey." };
        var value = new Argument<string>("value") { Description = "A JSON5 value (8080, true, ['a'], {primary: 'x'}) or plain text." };
        var command = new Command("set", "Set a key in the config file, keeping comments and formatting; refuses values that would make the config invalid.") { key, value };
        command.SetAction(r => ConfigSetCommand.Run(r.GetValue(key)!, r.GetValue(value)!, ProcessEnvironment.Snapshot(), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    private static Command Show()
    {
        var json = new Option<bool>("--json") { Description = "Machine-readable JSON: the effective config and each key's source." };
        var showSecrets = ShowSecretsOption();
        var command = new Command("show", "Show the effective config and where each value came from (file:line, env, flag, default).") { json, showSecrets };
        command.SetAction(r => ConfigShowCommand.Run(r.GetValue(json), r.GetValue(showSecrets), ProcessEnvironment.Snapshot(), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    private static Option<bool> ShowSecretsOption() => new("--show-secrets") { Description = "Print secrets instead of ***." };
}
