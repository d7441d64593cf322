using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace LicenseGovernance.Shell;

/// <summary>Just enough of a PowerShell host for Out-Default to render tables to the console. It cannot prompt.</summary>
internal sealed class ConsoleHost : PSHost
{
    private readonly ConsoleUI _ui = new();

    public override string Name => "LicenseGovernance.Shell";
    public override Version Version => new(0, 1);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => new("en-US");
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { }

    private sealed class ConsoleUI : PSHostUserInterface
    {
        private readonly RawUI _raw = new();

        public override PSHostRawUserInterface RawUI => _raw;
        public override void Write(string value) => Console.Write(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Console.Write(value);
        public override void WriteLine(string value) => Console.WriteLine(value);
        public override void WriteErrorLine(string value) => Console.Error.WriteLine(value);
        public override void WriteDebugLine(string message) => Console.WriteLine("DEBUG: " + message);
        public override void WriteVerboseLine(string message) => Console.WriteLine("VERBOSE: " + message);
        public override void WriteWarningLine(string message) => Console.WriteLine("WARNING: " + message);
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override string ReadLine() => throw new NotSupportedException("This host cannot prompt.");
        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("This host cannot prompt.");
        public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException("This host cannot prompt.");
        public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice) =>
            throw new NotSupportedException("This host cannot prompt.");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException("This host cannot prompt.");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new NotSupportedException("This host cannot prompt.");
    }

    private sealed class RawUI : PSHostRawUserInterface
    {
        private static readonly Size Window = new(160, 50);

        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
        public override Size BufferSize { get => new(Window.Width, 9999); set { } }
        public override Coordinates CursorPosition { get; set; }
        public override int CursorSize { get; set; }
        public override bool KeyAvailable => false;
        public override Size MaxPhysicalWindowSize => Window;
        public override Size MaxWindowSize => Window;
        public override Coordinates WindowPosition { get; set; }
        public override Size WindowSize { get => Window; set { } }
        public override string WindowTitle { get; set; } = "LicenseGovernance";
        public override void FlushInputBuffer() { }
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();
        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("This host cannot prompt.");
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
    }
}
