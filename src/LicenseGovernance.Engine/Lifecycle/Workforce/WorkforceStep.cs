using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Engine.Lifecycle.Workforce
{
    /// <summary>One person's change as planned from their HR record and the tenant, and what the run did of it.</summary>
    internal sealed class WorkforceStep
    {
        public WorkforceStep(HrRecord record, TierUser user, WorkforceChangeKind kind)
        {
            Record = record;
            User = user;
            Kind = kind;
        }

        public HrRecord Record { get; }

        public TierUser User { get; }

        public WorkforceChangeKind Kind { get; set; }

        public LifecycleTier? From { get; set; }

        public LifecycleTier? To { get; set; }

        /// <summary>Which rule gave the tier.</summary>
        public string Rule { get; set; } = "";

        /// <summary>The tier move, when the person moves; null for a leaver or a deferred change.</summary>
        public TierMove? Move { get; set; }

        /// <summary>Where a leave returns the person, recorded before the move.</summary>
        public TierReturn? Return { get; set; }

        /// <summary>SKUs the change needs a new seat of (the new tier's that the person does not hold yet).</summary>
        public IReadOnlyCollection<Guid> Needs { get; set; } = Array.Empty<Guid>();

        /// <summary>SKUs the change gives back once done.</summary>
        public IReadOnlyCollection<Guid> Frees { get; set; } = Array.Empty<Guid>();

        /// <summary>HR dates to write to Entra (property name to value; a null value clears it).</summary>
        public Dictionary<string, DateTimeOffset?> Dates { get; } = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);

        /// <summary>What Entra had, for the journal's before.</summary>
        public DateTimeOffset? EntraHireDate { get; set; }

        public DateTimeOffset? EntraLeaveDate { get; set; }

        public WorkforceOutcome Outcome { get; set; } = WorkforceOutcome.Planned;

        /// <summary>The offboarding's own correlation id, for a leaver (its plan resumes under it); null takes the run's.</summary>
        public Guid? CorrelationId { get; set; }

        public string Detail { get; set; } = "";

        public List<string> Plan { get; } = new List<string>();

        public List<string> Done { get; } = new List<string>();

        /// <summary>The licences change (a move or a leaver); false for a deferred change or one of dates only.</summary>
        public bool ChangesLicenses => Move != null || Kind == WorkforceChangeKind.Leaver;

        /// <summary>Something to send: licences to change, or HR dates (written for a deferred or refused person too, so workflows see them).</summary>
        public bool HasWork => Dates.Count > 0 || (Outcome == WorkforceOutcome.Planned && ChangesLicenses);

        public string Description => $"{Kind}: {From?.Name ?? "no tier"} > {To?.Name ?? "offboarded"} ({Rule}): " + string.Join("; ", Plan.Concat(Move?.Plan ?? new List<string>()));

        public WorkforceChange ToChange(Guid? correlationId) => new WorkforceChange
        {
            Line = Record.Line, EmployeeId = Record.EmployeeId, UserPrincipalName = User.UserPrincipalName ?? Record.UserPrincipalName, UserId = Guid.Parse(User.Id),
            Change = Kind, FromTier = From?.Name ?? "", ToTier = To?.Name ?? "", EffectiveDate = EffectiveDate, Until = Kind == WorkforceChangeKind.LeaveStart ? Record.LeaveEnd : null,
            Outcome = Outcome, Rule = Rule, Steps = new ItemList<string>(Done.Count > 0 ? Done : Plan.Concat(Move?.Plan ?? new List<string>())), Detail = Detail, CorrelationId = CorrelationId ?? correlationId,
        };

        private DateTimeOffset? EffectiveDate => Kind switch
        {
            WorkforceChangeKind.Joiner or WorkforceChangeKind.FutureJoiner => Record.HireDate,
            WorkforceChangeKind.Leaver or WorkforceChangeKind.FutureLeaver => Record.TerminationDate,
            WorkforceChangeKind.LeaveStart => Record.LeaveStart,
            WorkforceChangeKind.LeaveEnd => Record.LeaveEnd,
            _ => null,
        };
    }
}
