"""The "More tokens" tab: every official builder shape beyond RTC and RTM, and a free composer."""
