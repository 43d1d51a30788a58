-- Notifications (issue 13): one row per thing that happened to a person, read under the bell and
-- pushed live (the id is the live stream's event id), and the kinds each person wants no email for.
CREATE TYPE "NotificationKind" AS ENUM ('ORDER_SHIPPED', 'ORDER_DELIVERED', 'BACK_IN_STOCK', 'PRICE_DROP', 'REVIEW_APPROVED', 'REVIEW_REJECTED', 'NEW_ORDER', 'STOCK_LOW', 'NEW_REVIEW', 'SHOP_SUSPENDED', 'REVIEW_WAITING', 'REVIEW_REPORTED');

ALTER TABLE "User" ADD COLUMN "notificationEmailsOff" "NotificationKind"[] DEFAULT ARRAY[]::"NotificationKind"[];

CREATE TABLE "Notification" (
    "id" BIGSERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Notification_userId_id_idx" ON "Notification"("userId", "id");

ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
