import { lazy, Suspense, useState, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, type RouteObject } from 'react-router';
import { AppShell } from './components/app-shell';
import { RequireSession } from './components/require-session';
import { RouteError } from './components/route-error';
import { LogoutRoute } from './routes/logout';
import { NotFoundRoute } from './routes/not-found';
import { UnsubscribeRoute } from './routes/unsubscribe';

// Signing in and up bring the form library (react-hook-form, zod): a signed-in start does not wait for them.
const LoginRoute = lazy(() => import('./routes/login').then((m) => ({ default: m.LoginRoute })));
const SignupRoute = lazy(() => import('./routes/signup').then((m) => ({ default: m.SignupRoute })));

/** A public page loading: nothing yet (it is one small script), rather than a flash of words. */
function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}

// The customer screens load on first use, keeping the initial script small; so do the profile and the users, whose
// forms bring the form library.
const HomeRoute = lazy(() => import('./routes/home').then((m) => ({ default: m.HomeRoute })));
const UsersRoute = lazy(() => import('./routes/users').then((m) => ({ default: m.UsersRoute })));
const CustomersRoute = lazy(() => import('./routes/customers').then((m) => ({ default: m.CustomersRoute })));
const NewCustomerRoute = lazy(() => import('./routes/customers').then((m) => ({ default: m.NewCustomerRoute })));
const CustomerRoute = lazy(() => import('./routes/customers').then((m) => ({ default: m.CustomerRoute })));
const TagsRoute = lazy(() => import('./routes/settings').then((m) => ({ default: m.TagsRoute })));
const PoolRulesRoute = lazy(() => import('./routes/settings').then((m) => ({ default: m.PoolRulesRoute })));
const PoolsRoute = lazy(() => import('./routes/settings').then((m) => ({ default: m.PoolsRoute })));
const PoolRoute = lazy(() => import('./routes/pool').then((m) => ({ default: m.PoolRoute })));
// The agenda is the start page; notification settings are everyone's.
const AgendaRoute = lazy(() => import('./routes/agenda').then((m) => ({ default: m.AgendaRoute })));
const NotificationSettingsRoute = lazy(() =>
  import('./routes/notifications').then((m) => ({ default: m.NotificationSettingsRoute })),
);
const CustomFieldsRoute = lazy(() => import('./routes/settings').then((m) => ({ default: m.CustomFieldsRoute })));
// Statistics bring ECharts: loaded only when opened.
const ImportRoute = lazy(() => import('./routes/imports').then((m) => ({ default: m.ImportRoute })));
const StatsRoute = lazy(() => import('./routes/stats').then((m) => ({ default: m.StatsRoute })));
const DuplicatesRoute = lazy(() => import('./routes/duplicates').then((m) => ({ default: m.DuplicatesRoute })));
const LostReasonsRoute = lazy(() => import('./routes/lost-reasons').then((m) => ({ default: m.LostReasonsRoute })));
const PlanTemplatesRoute = lazy(() => import('./routes/plan-templates').then((m) => ({ default: m.PlanTemplatesRoute })));
const ProductsRoute = lazy(() => import('./routes/products').then((m) => ({ default: m.ProductsRoute })));
const NewProductRoute = lazy(() => import('./routes/products').then((m) => ({ default: m.NewProductRoute })));
const ProductRoute = lazy(() => import('./routes/products').then((m) => ({ default: m.ProductRoute })));
const OrdersRoute = lazy(() => import('./routes/orders').then((m) => ({ default: m.OrdersRoute })));
const OrderRoute = lazy(() => import('./routes/orders').then((m) => ({ default: m.OrderRoute })));
const EditOrderRoute = lazy(() => import('./routes/orders').then((m) => ({ default: m.EditOrderRoute })));
const NewOrderRoute = lazy(() => import('./routes/orders').then((m) => ({ default: m.NewOrderRoute })));
const InquiriesRoute = lazy(() => import('./routes/inquiries').then((m) => ({ default: m.InquiriesRoute })));
const StoreSettingsRoute = lazy(() => import('./routes/store').then((m) => ({ default: m.StoreSettingsRoute })));
const ApiKeysRoute = lazy(() => import('./routes/api-keys').then((m) => ({ default: m.ApiKeysRoute })));
const WebhooksRoute = lazy(() => import('./routes/webhooks').then((m) => ({ default: m.WebhooksRoute })));
// Messaging settings, templates and campaigns: loaded only when opened.
const MessagingSettingsRoute = lazy(() => import('./routes/campaigns').then((m) => ({ default: m.MessagingSettingsRoute })));
const TemplatesRoute = lazy(() => import('./routes/campaigns').then((m) => ({ default: m.TemplatesRoute })));
const CampaignsRoute = lazy(() => import('./routes/campaigns').then((m) => ({ default: m.CampaignsRoute })));
const NewCampaignRoute = lazy(() => import('./routes/campaigns').then((m) => ({ default: m.NewCampaignRoute })));
const CampaignRoute = lazy(() => import('./routes/campaigns').then((m) => ({ default: m.CampaignRoute })));
const EditCampaignRoute = lazy(() => import('./routes/campaigns').then((m) => ({ default: m.EditCampaignRoute })));
// The pipeline board brings dnd-kit: loaded only when opened.
const PipelineRoute = lazy(() => import('./routes/pipeline').then((m) => ({ default: m.PipelineRoute })));
// The team activity feed and per-rep summaries (its chart is plain CSS: no ECharts here).
const ActivityRoute = lazy(() => import('./routes/activity').then((m) => ({ default: m.ActivityRoute })));

export const routes: RouteObject[] = [
  { path: '/login', element: <Loading><LoginRoute /></Loading>, errorElement: <RouteError /> },
  { path: '/signup', element: <Loading><SignupRoute /></Loading>, errorElement: <RouteError /> },
  { path: '/logout', element: <LogoutRoute /> },
  // An unsubscribe link from a campaign e-mail: public, whether or not anyone is signed in.
  { path: '/unsubscribe/:token', element: <UnsubscribeRoute /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppShell />,
        children: [
          {
            // A screen that fails to load or to draw says so in words, inside the shell.
            errorElement: <RouteError />,
            children: [
              // The agenda is everyone's start page.
              { index: true, element: <Navigate to="/agenda" replace /> },
              { path: 'agenda', element: <AgendaRoute /> },
              { path: 'customers', element: <CustomersRoute /> },
              { path: 'customers/new', element: <NewCustomerRoute /> },
              { path: 'customers/:id', element: <CustomerRoute /> },
              { path: 'customers/:id/orders/new', element: <NewOrderRoute /> },
              { path: 'pool', element: <PoolRoute /> },
              { path: 'pipeline', element: <PipelineRoute /> },
              // Reminders became the agenda: old links and bookmarks land there.
              { path: 'reminders', element: <Navigate to="/agenda" replace /> },
              { path: 'settings/notifications', element: <NotificationSettingsRoute /> },
              { path: 'imports', element: <ImportRoute /> },
              { path: 'stats', element: <StatsRoute /> },
              { path: 'activity', element: <ActivityRoute /> },
              { path: 'profile', element: <HomeRoute /> },
              { path: 'settings/users', element: <UsersRoute /> },
              { path: 'settings/tags', element: <TagsRoute /> },
              { path: 'settings/custom-fields', element: <CustomFieldsRoute /> },
              { path: 'settings/pool-rules', element: <PoolRulesRoute /> },
              { path: 'settings/pools', element: <PoolsRoute /> },
              { path: 'duplicates', element: <DuplicatesRoute /> },
              { path: 'settings/lost-reasons', element: <LostReasonsRoute /> },
              { path: 'settings/plan-templates', element: <PlanTemplatesRoute /> },
              { path: 'products', element: <ProductsRoute /> },
              { path: 'products/new', element: <NewProductRoute /> },
              { path: 'products/:id', element: <ProductRoute /> },
              { path: 'orders', element: <OrdersRoute /> },
              { path: 'orders/:id', element: <OrderRoute /> },
              { path: 'orders/:id/edit', element: <EditOrderRoute /> },
              { path: 'inquiries', element: <InquiriesRoute /> },
              { path: 'settings/store', element: <StoreSettingsRoute /> },
              { path: 'settings/api-keys', element: <ApiKeysRoute /> },
              { path: 'settings/webhooks', element: <WebhooksRoute /> },
              { path: 'settings/messaging', element: <MessagingSettingsRoute /> },
              { path: 'settings/templates', element: <TemplatesRoute /> },
              { path: 'campaigns', element: <CampaignsRoute /> },
              { path: 'campaigns/new', element: <NewCampaignRoute /> },
              { path: 'campaigns/:id', element: <CampaignRoute /> },
              { path: 'campaigns/:id/edit', element: <EditCampaignRoute /> },
            ],
          },
        ],
      },
    ],
  },
  { path: '*', element: <NotFoundRoute /> },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
