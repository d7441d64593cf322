using System;

namespace LicenseGovernance
{
    public static partial class Errors
    {
        public static GovernanceError JournalWriteFailed(string path, string reason, Exception? inner = null) => new GovernanceError(
            ErrorIds.JournalWriteFailed, GovernanceErrorCategory.WriteError,
            $"The change journal '{path}' cannot be written ({reason}), so nothing was changed in the tenant. " +
            "Make the file writable, or point the journal at a writable file with Connect-LicenseGovernance -JournalPath or the LICENSEGOVERNANCE_JOURNAL environment variable.",
            path, "Point the journal at a writable file with Connect-LicenseGovernance -JournalPath, then run the command again.", inner);

        public static GovernanceError JournalPathUnusable(string path, string reason) => new GovernanceError(
            ErrorIds.JournalPathUnusable, GovernanceErrorCategory.InvalidArgument,
            $"The change journal -JournalPath '{path}' can never be written: {reason.TrimEnd('.')}. Nothing was connected. " +
            "Give -JournalPath a file in a folder you can write (in Azure Automation, on persistent storage), or leave it out to use journal.jsonl in the settings folder.",
            path, "Run Connect-LicenseGovernance again with a -JournalPath in a folder you can write, or without -JournalPath.");

        public static GovernanceError JournalReadFailed(string path, string reason, Exception? inner = null) => new GovernanceError(
            ErrorIds.JournalReadFailed, GovernanceErrorCategory.ReadError,
            $"The change journal '{path}' cannot be read: {reason}",
            path, "Make the journal file readable, or point Connect-LicenseGovernance -JournalPath at the right file.", inner);

        public static GovernanceError ChangeNotFound(Guid id, string path) => new GovernanceError(
            ErrorIds.ChangeNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"No change {id} is in the journal '{path}'. Run Get-LicenseChangeLog to list the journaled changes.",
            id, "Run Get-LicenseChangeLog to list the journaled changes and their ids.");

        public static GovernanceError CorrelationIdNotFound(Guid correlationId, string path) => new GovernanceError(
            ErrorIds.CorrelationIdNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"No change in the journal '{path}' has the correlation id {correlationId}. " +
            "Each run's summary and Get-LicenseChangeLog show the correlation ids; check the id, and that the session uses the journal that run wrote (Connect-LicenseGovernance -JournalPath).",
            correlationId, "Run Get-LicenseChangeLog to list the correlation ids of the journaled runs.");

        public static GovernanceError ChangeNotReversible(Guid id, string operation, string target, string reason) => new GovernanceError(
            ErrorIds.ChangeNotReversible, GovernanceErrorCategory.InvalidOperation,
            $"Change {id} ({operation} on {target}) cannot be undone: {reason}",
            id, $"Put the target back by hand; Get-LicenseChangeLog -Id {id} shows its state before the change.");

        public static GovernanceError ChangeConflict(Guid id, string operation, string target, string reason) => new GovernanceError(
            ErrorIds.ChangeConflict, GovernanceErrorCategory.InvalidOperation,
            $"Change {id} ({operation} on {target}) was not undone: {reason} " +
            "Someone changed the target since. Look at it, then undo with -Force to put back the state before the change anyway.",
            id, "Look at the target as it is now, then run Undo-LicenseChange -Force to put back its state before the change.");

        public static GovernanceError ChangeOfOtherTenant(Guid id, string? changeTenant, string? connectedTenant) => new GovernanceError(
            ErrorIds.ChangeOfOtherTenant, GovernanceErrorCategory.InvalidOperation,
            $"Change {id} was made in tenant {changeTenant}, and you are connected to {connectedTenant}. Connect to that tenant to undo or reconcile it.",
            id, $"Connect to tenant {changeTenant} with Connect-LicenseGovernance, then run the command again.");

        public static GovernanceError UndoSelectionRequired() => new GovernanceError(
            ErrorIds.UndoSelectionRequired, GovernanceErrorCategory.InvalidArgument,
            "Say which changes to undo: -Id (or pipe Get-LicenseChangeLog), -Since or -CorrelationId.",
            recommendedAction: "Add -Id, -Since or -CorrelationId, or pipe Get-LicenseChangeLog into Undo-LicenseChange.");
    }
}
