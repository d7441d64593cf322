namespace LicenseGovernance.Commands.Hosting
{
    /// <summary>
    /// Base of the cmdlets that hand the -User values of every piped record, each once, to one engine run in EndProcessing
    /// (moves in phases across users, one summary, one read of the tenant).
    /// </summary>
    public abstract class PipedUsersCmdlet : LicenseGovernanceCmdlet
    {
        private readonly PipedNames _users = new PipedNames();

        /// <summary>The record's -User values; each cmdlet declares -User with its own position and aliases.</summary>
        private protected abstract string[]? PipedUser { get; }

        /// <summary>The one engine run, for the users gathered; null when none was given, which means every user.</summary>
        private protected abstract void Run(string[]? users);

        protected override void ProcessRecord()
        {
            _users.Add(PipedUser);
        }

        protected override void EndProcessing()
        {
            try
            {
                Run(_users.ToArray());
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
